/// An `fo:leader`: a blank or a rule of a fixed length or a share of the line.
struct Leader: Sendable {
    var rule: Bool
    var length: Double
    /// Whether `length` is a fraction of the paragraph's width rather than points.
    var isFraction: Bool
    var thickness: Double
}
