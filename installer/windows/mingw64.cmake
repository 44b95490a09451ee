# CMake toolchain for 64-bit Windows, cross-built on Debian with MinGW-w64 (posix threads, for
# std::thread and std::mutex). FIDELIS_WINDOWS_DEPS names the cache installer/windows/deps.sh
# filled with the libraries, cross-built from Debian's source packages.
#
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=installer/windows/mingw64.cmake \
#         -DFIDELIS_WINDOWS_DEPS=build-windows/deps
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(mingw x86_64-w64-mingw32)
find_program(CMAKE_C_COMPILER ${mingw}-gcc-posix REQUIRED)
find_program(CMAKE_CXX_COMPILER ${mingw}-g++-posix REQUIRED)
find_program(CMAKE_RC_COMPILER ${mingw}-windres REQUIRED)

# try_compile runs in another folder, so the cache's place is passed on explicitly.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES FIDELIS_WINDOWS_DEPS)
if(NOT FIDELIS_WINDOWS_DEPS)
    set(FIDELIS_WINDOWS_DEPS $ENV{FIDELIS_WINDOWS_DEPS})
endif()
get_filename_component(FIDELIS_WINDOWS_DEPS "${FIDELIS_WINDOWS_DEPS}" ABSOLUTE)
set(FIDELIS_WINDOWS_PREFIX ${FIDELIS_WINDOWS_DEPS}/prefix)

# Libraries and headers come from the cache and MinGW's own tree only, never from Debian's
# /usr (built for Linux); programs (msgfmt, makensis, wine) from the machine.
set(CMAKE_FIND_ROOT_PATH ${FIDELIS_WINDOWS_PREFIX} /usr/${mingw})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(ENV{PKG_CONFIG_LIBDIR} ${FIDELIS_WINDOWS_PREFIX}/lib/pkgconfig)
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
set(wxWidgets_CONFIG_EXECUTABLE ${FIDELIS_WINDOWS_PREFIX}/bin/${mingw}-wx-config CACHE FILEPATH "")
if(NOT EXISTS ${wxWidgets_CONFIG_EXECUTABLE})
    set(wxWidgets_CONFIG_EXECUTABLE ${FIDELIS_WINDOWS_PREFIX}/bin/wx-config CACHE FILEPATH "" FORCE)
endif()

# The C and C++ runtimes go inside each program, so that only libpq.dll travels beside them.
# FriBidi is the static library deps.sh built.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++ -Wl,-Bstatic,--whole-archive -lwinpthread -Wl,--no-whole-archive,-Bdynamic")
set(CMAKE_C_FLAGS_INIT "-DFRIBIDI_LIB_STATIC")
set(CMAKE_CXX_FLAGS_INIT "-DFRIBIDI_LIB_STATIC")

# Test programs run under Wine (make windows-test).
find_program(FIDELIS_WINE NAMES wine64 wine)
if(FIDELIS_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${FIDELIS_WINE})
endif()
