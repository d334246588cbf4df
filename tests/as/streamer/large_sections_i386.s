# target: i386
# On i386 the x86-64 large-model names are ordinary sections.
	.section .lbss
	.zero 8
	.section .ldata.x
	.long 1
	.section .lrodata,"a"
	.long 2
	.section .gnu.linkonce.lt.f,"ax"
	ret
	.section .ldatafoo,"aw"
	.long 3
