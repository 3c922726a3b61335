/*
 * Linked into the Linux NativeAOT build of `portalguard` only (PortalGuard.Host.csproj, target CompilePopulateImage).
 *
 * Why: NativeAOT writes ~3 MB of type data into the executable's own writable segment at every start (the "rehydrated"
 * data, before Main). Touched one page at a time, that is ~800 page faults; on a virtual machine a first touch costs
 * ~12 us, so ~10 ms of a ~30 ms start (bench/README.md). Asking the kernel to populate the whole segment in one call
 * (MADV_POPULATE_WRITE, Linux 5.14) costs ~1 us per page instead. The pages are the same ones the runtime writes anyway.
 *
 * This runs as an ELF constructor: after the dynamic loader has relocated the image and applied RELRO, before main()
 * (where the runtime starts and rehydrates). On an older kernel madvise fails with EINVAL and nothing changes: the
 * pages are then faulted in one by one as before. Nothing here can fail the start.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static int populate_writable_segments(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t relro_end = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_GNU_RELRO)
            relro_end = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz + page - 1) & ~(page - 1);
    }
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
            continue;
        uintptr_t start = (info->dlpi_addr + ph->p_vaddr) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz + page - 1) & ~(page - 1);
        /* The RELRO part is read-only by now: a write-populate over it would be refused as a whole. */
        if (start < relro_end)
            start = relro_end;
        if (start < end)
            (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    return 1; /* the first object listed is the executable itself; the libraries are not ours to touch */
}

__attribute__((constructor)) static void portalguard_populate_image(void)
{
    dl_iterate_phdr(populate_writable_segments, NULL);
}
