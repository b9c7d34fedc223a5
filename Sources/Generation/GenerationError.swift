/// Why records could not be generated. Nothing is written when this is thrown.
public enum GenerationError: Error, CustomStringConvertible {
    /// Case data has problems; all of them are listed, each at its field.
    case rejected(problems: [GenerationProblem])
    /// The output could not be written.
    case cannotWrite(path: String, reason: String)

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
