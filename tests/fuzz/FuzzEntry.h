#pragma once

// The libFuzzer entry point of one target: feeds the input to a check and aborts (so libFuzzer
// saves the input as a crash) when a property does not hold. CMake generates the one-line file
// that uses it (see egret_add_fuzzer in CMakeLists.txt).
#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define EGRET_FUZZ_TARGET(check)                                                                   \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {            \
        /* A real copy, as the program gets from QFile::readAll. */                                \
        const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));             \
        const QString failure = check(input);                                                      \
        if (!failure.isEmpty()) {                                                                  \
            std::fprintf(stderr, "egret fuzz check failed: %s\n", qPrintable(failure));            \
            std::abort();                                                                          \
        }                                                                                          \
        return 0;                                                                                  \
    }
