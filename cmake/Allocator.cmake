# The allocator of the programs we ship and measure: mimalloc (Debian's libmimalloc2.0).
#
# Why: after a workspace has been loaded and edited, glibc's malloc hands Graphviz memory
# scattered over the long-lived heap, and the dot layout, which chases pointers through its
# network-simplex trees, runs 1.7x slower than in a fresh process (same graph, same result;
# perf puts the extra time in libgvc's and the dot plugin's memory-bound loops). With mimalloc it
# runs as fast as in a fresh process. See README "Performance".
#
# The sanitizers bring their own allocator, so sanitized and fuzzing builds keep the system one.
option(EGRET_MIMALLOC "Link the egret program and the benchmarks with mimalloc" ON)

if(EGRET_MIMALLOC AND NOT EGRET_SANITIZED AND NOT EGRET_BUILD_FUZZERS)
    find_package(mimalloc 2.0 CONFIG)
    if(NOT mimalloc_FOUND)
        message(FATAL_ERROR "mimalloc not found: install libmimalloc-dev (./dev.sh does), "
                            "or configure with -DEGRET_MIMALLOC=OFF to keep the system allocator")
    endif()
    set(_egret_allocator mimalloc)
    # A link feature that keeps a library even though no symbol of ours names it (toolchains
    # that link --as-needed would otherwise drop it).
    set(CMAKE_LINK_LIBRARY_USING_egret_no_as_needed
        "LINKER:--push-state,--no-as-needed" "<LINK_ITEM>" "LINKER:--pop-state")
    set(CMAKE_LINK_LIBRARY_USING_egret_no_as_needed_SUPPORTED TRUE)
    message(STATUS "Egret: programs allocate with mimalloc ${mimalloc_VERSION}")
endif()

# Makes TARGET (an executable) allocate with the chosen allocator. mimalloc's shared library
# replaces malloc/free process-wide, Qt, yaml-cpp and Graphviz included, as it comes before libc
# in the lookup order.
function(egret_use_allocator target)
    if(_egret_allocator)
        target_link_libraries(${target} PRIVATE
            "$<LINK_LIBRARY:egret_no_as_needed,${_egret_allocator}>")
    endif()
endfunction()
