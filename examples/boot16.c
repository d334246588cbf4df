/* boot16.c -- a boot sector in C for pcc -m16 (or gcc -m16).
 *
 *   pcc -m16 -Os -ffreestanding -nostdlib -Wl,-Ttext=0x7c00 -Wl,--oformat=binary \
 *       examples/boot16.c -o boot.img
 *   qemu-system-i386 -drive format=raw,file=boot.img -debugcon stdio \
 *       -device isa-debug-exit,iobase=0xf4,iosize=1
 *
 * The BIOS loads the 512-byte sector at 0000:7C00 and jumps to it.  _start
 * (first in the image: section .text.start, see pcc's real-mode linker script
 * toolchain/libc/arch/x86_16/realmode.ld) sets the segments and a stack below
 * the sector, then boot_main prints a line on the screen through the BIOS
 * (int 0x10, teletype output) and on the 0xE9 debug console, and leaves
 * through the 0xF4 exit port (QEMU exits; a real machine halts).  The 0x55
 * 0xAA signature is the .boot_signature section the script puts at byte 510.
 */

#define CONSOLE_PORT 0xE9
#define EXIT_PORT 0xF4

__asm__(".section .text.start,\"ax\",@progbits\n"
        ".globl _start\n"
        "_start:\n"
        "\tcli\n"
        "\txorw %ax, %ax\n"
        "\tmovw %ax, %ds\n"
        "\tmovw %ax, %es\n"
        "\tmovw %ax, %ss\n"
        "\tmovl $0x7c00, %esp\n"
        "\tsti\n"
        "\tcalll boot_main\n"
        "\t.text\n");

__attribute__((section(".boot_signature"), used))
static const unsigned short boot_signature = 0xAA55;

static void outb(unsigned short port, unsigned char value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static void bios_putchar(char c)
{
	__asm__ volatile("int $0x10" : : "a"(0x0E00 | (unsigned char)c), "b"(0x0007));
}

void boot_main(void)
{
	const char *p;
	for (p = "Hello from a pcc boot sector\r\n"; *p; p++) {
		bios_putchar(*p);
		if (*p != '\r')
			outb(CONSOLE_PORT, *p);
	}
	outb(EXIT_PORT, 0);
	for (;;)
		__asm__ volatile("cli; hlt");
}
