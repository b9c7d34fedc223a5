import Support

/// Why records could not be generated. Nothing is written when this is thrown.
public enum GenerationError: CategorizedError {
    /// Case data has problems; all of them are listed, each at its field.
    case rejected(problems: [Diagnostic])
    /// The output could not be written.
    case cannotWrite(path: String, reason: String)

    /// Case data with problems is wrong data; records that cannot be written are an output failure.
    public var category: FailureCategory {
        switch self {
        case .rejected: .data
        case .cannotWrite: .output
        }
    }

    public var diagnostics: [Diagnostic] {
        if case let .rejected(problems) = self { return problems }
        return []
    }

    public var description: String {
        switch self {
        case let .rejected(problems):
            "Case data has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written. Correct them and generate again:\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case let .cannotWrite(path, reason):
            "\(path): cannot be written (\(reason)); nothing was written. Check the folder and free space."
        }
    }
}
