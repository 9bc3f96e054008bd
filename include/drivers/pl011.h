/* SPDX-License-Identifier: MIT */
/*
 * ARM PrimeCell UART (PL011) registers, from the PL011 Technical Reference
 * Manual (ARM DDI 0183), section 3.2. Linux: include/linux/amba/serial.h.
 */
#ifndef DRIVERS_PL011_H
#define DRIVERS_PL011_H

#define UART_DR		0x00	/* data register */
#define UART_RSR	0x04	/* receive status; a write clears the errors (ECR) */
#define UART_FR		0x18	/* flag register */
#define UART_IBRD	0x24	/* integer baud rate divisor */
#define UART_FBRD	0x28	/* fractional baud rate divisor */
#define UART_LCRH	0x2c	/* line control */
#define UART_CR		0x30	/* control */
#define UART_IFLS	0x34	/* FIFO interrupt levels */
#define UART_IMSC	0x38	/* interrupt mask set/clear */
#define UART_MIS	0x40	/* masked interrupt status */
#define UART_ICR	0x44	/* interrupt clear */

/* Error bits that come with each received byte in UART_DR */
#define UART_DR_FE	(1 << 8)	/* framing error */
#define UART_DR_PE	(1 << 9)	/* parity error */
#define UART_DR_BE	(1 << 10)	/* break */
#define UART_DR_OE	(1 << 11)	/* overrun: bytes were lost before this one */

#define UART_FR_BUSY	(1 << 3)	/* transmitting */
#define UART_FR_RXFE	(1 << 4)	/* receive FIFO empty */
#define UART_FR_TXFF	(1 << 5)	/* transmit FIFO full */

#define UART_LCRH_FEN	(1 << 4)	/* enable FIFOs */
#define UART_LCRH_WLEN8	(3 << 5)	/* 8 data bits */

#define UART_CR_UARTEN	(1 << 0)
#define UART_CR_TXE	(1 << 8)
#define UART_CR_RXE	(1 << 9)

/* Interrupt bits, the same in IMSC, MIS and ICR */
#define UART_RXIM	(1 << 4)	/* receive FIFO at its level */
#define UART_TXIM	(1 << 5)	/* transmit FIFO at or below its level */
#define UART_RTIM	(1 << 6)	/* receive timeout: bytes waiting, line idle */
#define UART_FEIM	(1 << 7)
#define UART_PEIM	(1 << 8)
#define UART_BEIM	(1 << 9)
#define UART_OEIM	(1 << 10)
#define UART_ERRIM	(UART_FEIM | UART_PEIM | UART_BEIM | UART_OEIM)

#define UART_ICR_ALL	0x7ff

#define PL011_BAUD	115200

#endif /* DRIVERS_PL011_H */
