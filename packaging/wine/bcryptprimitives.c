/* Test aid only, never shipped: Rust's standard library (1.78+) takes its random
 * numbers from ProcessPrng in bcryptprimitives.dll, which every Windows 10/11 has but
 * Debian 12's Wine 8.0 lacks (Wine added it in 9.x). tests/packages.rs builds this
 * stand-in next to the unpacked fundplan.exe before running it under wine:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
