# Instrumentation for the whole build: sanitizers (EGRET_SANITIZERS) and libFuzzer coverage
# (EGRET_BUILD_FUZZERS). Everything we compile gets the same flags, so a report points into our
# code; system libraries (Qt, yaml-cpp, Graphviz) are not rebuilt.

set(EGRET_SANITIZERS "" CACHE STRING
    "Sanitizers to build everything with, as a list: address;undefined")
option(EGRET_BUILD_FUZZERS "Build the libFuzzer targets under tests/fuzz (needs clang)" OFF)

set(_egret_sanitize ${EGRET_SANITIZERS})
if(EGRET_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "EGRET_BUILD_FUZZERS needs clang (libFuzzer): "
                            "-DCMAKE_CXX_COMPILER=clang++-14, or the `fuzz` preset")
    endif()
    # Fuzzing without sanitizers finds only crashes; with them, every memory or UB error.
    list(APPEND _egret_sanitize address undefined)
    list(REMOVE_DUPLICATES _egret_sanitize)
endif()

if(_egret_sanitize)
    list(JOIN _egret_sanitize "," _egret_sanitize_list)
    # A report must fail the run, not scroll by: no recovery from UBSan findings.
    add_compile_options(-fsanitize=${_egret_sanitize_list} -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${_egret_sanitize_list} -fno-sanitize-recover=all)
    set(EGRET_SANITIZED ON) # tests that measure memory allow for the sanitizers' own
    message(STATUS "Egret: building with -fsanitize=${_egret_sanitize_list}")
endif()

if(EGRET_BUILD_FUZZERS)
    # Coverage feedback in all our code; only the fuzz targets link libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
