/// Top, right, bottom and left amounts in points (writing mode lr-tb: before = top, start = left).
struct Edges: Sendable, Equatable {
    var top = 0.0, right = 0.0, bottom = 0.0, left = 0.0
}
