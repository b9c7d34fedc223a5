/// Limits applied to every XML input before and while it is parsed.
///
/// DTDs are refused outright (see ``XMLTree``), which removes external entities and
/// entity-expansion bombs; these limits bound what is left.
public struct XMLInputLimits: Sendable {
    /// Largest accepted file, in bytes.
    public var maximumBytes: Int
    /// Deepest accepted element nesting.
    public var maximumDepth: Int

    public init(maximumBytes: Int = 16 << 20, maximumDepth: Int = 64) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// The limits for records and case files.
    public static let standard = XMLInputLimits()
}
