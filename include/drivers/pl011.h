/* SPDX-License-Identifier: MIT */
/*
 * ARM PrimeCell UART (PL011) registers, from the PL011 Technical Reference
 * Manual (ARM DDI 0183), section 3.2. Linux: include/linux/amba/serial.h.
 */
#ifndef DRIVERS_PL011_H
#define DRIVERS_PL011_H

#define UART_DR		0x00	/* data register */
#define UART_FR		0x18	/* flag register */
#define UART_IBRD	0x24	/* integer baud rate divisor */
#define UART_FBRD	0x28	/* fractional baud rate divisor */
#define UART_LCRH	0x2c	/* line control */
#define UART_CR		0x30	/* control */
#define UART_IMSC	0x38	/* interrupt mask set/clear */
#define UART_ICR	0x44	/* interrupt clear */

#define UART_FR_BUSY	(1 << 3)	/* transmitting */
#define UART_FR_RXFE	(1 << 4)	/* receive FIFO empty */
#define UART_FR_TXFF	(1 << 5)	/* transmit FIFO full */

#define UART_LCRH_FEN	(1 << 4)	/* enable FIFOs */
#define UART_LCRH_WLEN8	(3 << 5)	/* 8 data bits */

#define UART_CR_UARTEN	(1 << 0)
#define UART_CR_TXE	(1 << 8)
#define UART_CR_RXE	(1 << 9)

#define UART_ICR_ALL	0x7ff

#define PL011_BAUD	115200

#endif /* DRIVERS_PL011_H */
