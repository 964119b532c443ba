#include "platform/malloc_tuning.hpp"

#include <malloc.h>

namespace termintreu::platform {
namespace {

// Free space kept at the top of a heap before it is given back; a busy process reuses it within milliseconds.
constexpr int kTrimThresholdBytes = 64 * 1024 * 1024;
// Blocks up to this size come from the heaps (reused) instead of a mapping of their own (mapped and unmapped each
// time). Setting the trim threshold would otherwise freeze this bound at 128 KiB.
constexpr int kMmapThresholdBytes = 32 * 1024 * 1024;

}  // namespace

void tune_malloc() {
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
}

}  // namespace termintreu::platform
