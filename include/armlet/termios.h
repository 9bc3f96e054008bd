/* SPDX-License-Identifier: MIT */
/*
 * The termios user ABI of Linux on 32-bit ARM: struct termios, its flag
 * bits, the c_cc indices and the tty ioctl numbers. Values are Linux's
 * (include/uapi/asm-generic/termbits.h, termbits-common.h and ioctls.h),
 * so a program built against a Linux libc talks to our ttys unchanged.
 * Flag bits are written in octal, as POSIX and older Linux headers do.
 */
#ifndef ARMLET_TERMIOS_H
#define ARMLET_TERMIOS_H

#ifndef __ASSEMBLER__

#include <armlet/types.h>

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
typedef unsigned int speed_t;

#define NCCS 19

/* What TCGETS copies out and TCSETS* copy in: 36 bytes, no padding. */
struct termios {
	tcflag_t c_iflag; /* input: CR/NL mapping, flow control */
	tcflag_t c_oflag; /* output: post-processing (ONLCR) */
	tcflag_t c_cflag; /* hardware: speed, character size */
	tcflag_t c_lflag; /* line discipline: canonical, echo, signals */
	cc_t c_line;	  /* line discipline number (0: N_TTY) */
	cc_t c_cc[NCCS];  /* special characters, indexed by V* below */
};

_Static_assert(sizeof(struct termios) == 36, "struct termios is Linux's 36 bytes");
_Static_assert(offsetof(struct termios, c_cc) == 17, "c_cc follows c_line");

/* TIOCGWINSZ/TIOCSWINSZ: the terminal's size in characters and pixels. */
struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif /* __ASSEMBLER__ */

/* c_cc indices. A c_cc entry equal to _POSIX_VDISABLE is switched off. */
#define VINTR	 0 /* ^C: SIGINT */
#define VQUIT	 1 /* ^\: SIGQUIT */
#define VERASE	 2 /* DEL: erase one character */
#define VKILL	 3 /* ^U: erase the line */
#define VEOF	 4 /* ^D: end of file / push the line */
#define VTIME	 5 /* non-canonical read timeout, 1/10 s */
#define VMIN	 6 /* non-canonical read minimum, bytes */
#define VSWTC	 7
#define VSTART	 8  /* ^Q: resume output (IXON) */
#define VSTOP	 9  /* ^S: stop output (IXON) */
#define VSUSP	 10 /* ^Z: SIGTSTP */
#define VEOL	 11 /* extra end-of-line character */
#define VREPRINT 12 /* ^R: retype the line */
#define VDISCARD 13 /* ^O: discard output */
#define VWERASE	 14 /* ^W: erase a word */
#define VLNEXT	 15 /* ^V: take the next character literally */
#define VEOL2	 16 /* second extra end-of-line character */

#define _POSIX_VDISABLE 0

/* c_iflag bits */
#define IGNBRK	0000001 /* ignore a break condition */
#define BRKINT	0000002 /* a break sends SIGINT */
#define IGNPAR	0000004 /* ignore parity errors */
#define PARMRK	0000010 /* mark parity errors */
#define INPCK	0000020 /* check input parity */
#define ISTRIP	0000040 /* strip the 8th bit */
#define INLCR	0000100 /* map NL to CR */
#define IGNCR	0000200 /* ignore CR */
#define ICRNL	0000400 /* map CR to NL */
#define IUCLC	0001000 /* map upper case to lower case */
#define IXON	0002000 /* VSTOP/VSTART stop and start output */
#define IXANY	0004000 /* any character restarts output */
#define IXOFF	0010000 /* send VSTOP/VSTART to the sender */
#define IMAXBEL 0020000 /* ring the bell when the input is full */
#define IUTF8	0040000 /* input is UTF-8 */

/* c_oflag bits */
#define OPOST  0000001 /* post-process output */
#define OLCUC  0000002 /* map lower case to upper case */
#define ONLCR  0000004 /* map NL to CR-NL */
#define OCRNL  0000010 /* map CR to NL */
#define ONOCR  0000020 /* no CR at column 0 */
#define ONLRET 0000040 /* NL also returns the carriage */
#define OFILL  0000100
#define OFDEL  0000200

/* c_cflag bits */
#define CBAUD	0010017 /* the speed field */
#define B0	0000000 /* hang up */
#define B9600	0000015
#define B19200	0000016
#define B38400	0000017
#define CSIZE	0000060 /* the character size field */
#define CS5	0000000
#define CS6	0000020
#define CS7	0000040
#define CS8	0000060
#define CSTOPB	0000100 /* two stop bits */
#define CREAD	0000200 /* enable the receiver */
#define PARENB	0000400 /* parity on */
#define PARODD	0001000 /* odd parity */
#define HUPCL	0002000 /* hang up on last close */
#define CLOCAL	0004000 /* ignore modem lines */
#define CBAUDEX 0010000 /* speeds above 38400 */
#define B57600	0010001
#define B115200 0010002

/* c_lflag bits */
#define ISIG	0000001 /* VINTR, VQUIT, VSUSP send signals */
#define ICANON	0000002 /* canonical (line-by-line) input */
#define XCASE	0000004
#define ECHO	0000010 /* echo input */
#define ECHOE	0000020 /* VERASE rubs out with "\b \b" */
#define ECHOK	0000040 /* NL after VKILL */
#define ECHONL	0000100 /* echo NL even without ECHO */
#define NOFLSH	0000200 /* no input flush on a signal */
#define TOSTOP	0000400 /* SIGTTOU for background output */
#define ECHOCTL 0001000 /* echo control characters as ^X */
#define ECHOPRT 0002000
#define ECHOKE	0004000 /* VKILL rubs out the line */
#define FLUSHO	0010000
#define PENDIN	0040000
#define IEXTEN	0100000 /* VWERASE, VLNEXT, VEOL2 */
#define EXTPROC 0200000

/* tcsetattr()'s "when" and tcflush()'s queue selector (TCFLSH). */
#define TCSANOW	  0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2

/* ioctl numbers (Linux's include/uapi/asm-generic/ioctls.h). */
#define TCGETS	   0x5401 /* struct termios * */
#define TCSETS	   0x5402 /* set now */
#define TCSETSW	   0x5403 /* set once output has drained */
#define TCSETSF	   0x5404 /* drain output, flush input, set */
#define TCFLSH	   0x540B /* int queue: TCIFLUSH... */
#define TIOCSCTTY  0x540E /* become the controlling tty */
#define TIOCGPGRP  0x540F /* pid_t *: the foreground group */
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413 /* struct winsize * */
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B /* int *: bytes a read would return */
#define TIOCINQ	   FIONREAD
#define TIOCNOTTY  0x5422 /* give up the controlling tty */

#endif /* ARMLET_TERMIOS_H */
