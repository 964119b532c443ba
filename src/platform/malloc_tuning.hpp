#pragma once
// glibc's allocator gives freed memory back to the kernel as soon as the free space at the top of a heap passes
// 128 KiB (and maps blocks above 128 KiB, growing that bound only as such blocks are freed). SQLite frees whole page
// caches and statement journals all the time; each give-back is an madvise or munmap whose TLB shootdown interrupts
// every core the process runs on — in bench/dispatch that was the largest single cost (3.9k instead of 1.6k
// Next → outcome cycles/s with one thread once it stopped). Call once at start, before threads run.
namespace termintreu::platform {

void tune_malloc();

}  // namespace termintreu::platform
