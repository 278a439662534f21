// The fuzzer's `main` for `make fuzz` (see docs/guide/benchmark.md, "Fuzz and soak").
//
// SwiftPM links an executable's entry point as `<module>_main`, which would clash
// with libFuzzer's own `main`; so the entry point is defined here and hands over to
// libFuzzer's driver. `make fuzz` builds with `-sanitize=fuzzer,address -D FUZZING`;
// a plain build links too and just says how to fuzz.
#if canImport(Glibc)
    import Glibc
#endif

#if FUZZING
    /// libFuzzer's driver (FuzzerDriver.cpp): `int LLVMFuzzerRunDriver(int *argc, char ***argv,
    /// int (*callback)(const uint8_t *, size_t))`; integer and pointer arguments only, so the
    /// Swift and C calling conventions agree.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

@_cdecl("lifecycled_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    #if FUZZING
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    #else
        let message = Array("lifecycled-fuzz: built without libFuzzer; run `make fuzz`\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        return 2
    #endif
}
