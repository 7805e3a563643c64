// CRC-32C with the CPU's own instruction (SSE 4.2 `crc32` on x86-64), which Swift cannot emit
// directly. KafkaProtocol's CRC32C falls back to a table when this returns 0 from
// samsa_crc32c_hardware_available().
#ifndef SAMSA_CRC32C_HARDWARE_H
#define SAMSA_CRC32C_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

/// 1 when the running CPU has a CRC-32C instruction this file uses.
int samsa_crc32c_hardware_available(void);

/// Continues a CRC-32C over `count` bytes. `crc` and the result are the raw (un-inverted) state.
uint32_t samsa_crc32c_hardware_update(uint32_t crc, const void *bytes, size_t count);

#endif
