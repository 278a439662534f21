import LifecycleModel

extension IOSVersion {
    /// Also reads the forms `UIDevice.systemVersion` prints (contract, v1.1 additions):
    /// `"17"` as `"17.0"` and `"17.0.1"` as `"17.0"` (a patch release has the minor's rules).
    /// The session echoes the normalised `"MAJOR.MINOR"`.
    ///
    /// Done here, in the service's decoding, so the model keeps one strict form; if the
    /// model learns these forms itself, this collapses to `IOSVersion(text)`.
    init?(normalizing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = { (p: Substring) in !p.isEmpty && p.count <= 2 && p.allSatisfy { $0.isASCII && $0.isNumber } }
        switch parts.count {
        case 1 where digits(parts[0]):
            self.init("\(parts[0]).0")
        case 3 where digits(parts[0]) && digits(parts[1]) && digits(parts[2]):
            self.init("\(parts[0]).\(parts[1])")
        default:
            self.init(text)
        }
    }
}
