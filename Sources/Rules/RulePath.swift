/// A path in a rule: element steps from a starting node, and optionally an attribute.
///
/// Written `jp/disabilityType`, `../class`, `pupil/@category`, `$/@year` (`$` is the node the
/// rule is evaluated at), `.` (the context itself), `@resourceRoom`.
struct RulePath: Sendable, Equatable {
    enum Step: Sendable, Equatable { case child(String), parent, current }

    /// Whether the path starts at the rule's node (`$`) instead of the context.
    let fromScope: Bool
    let steps: [Step]
    let attribute: String?

    /// Parses `text`, or returns `nil` when it is not a path.
    init?(_ text: String) {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        fromScope = parts.first == "$"
        if fromScope { parts.removeFirst() }
        if let last = parts.last, last.hasPrefix("@") {
            let name = String(last.dropFirst())
            guard Self.isName(name) else { return nil }
            attribute = name
            parts.removeLast()
        } else {
            attribute = nil
        }
        var steps: [Step] = []
        for part in parts {
            switch part {
            case "..": steps.append(.parent)
            case ".": steps.append(.current)
            default:
                guard Self.isName(part) else { return nil }
                steps.append(.child(part))
            }
        }
        guard fromScope || !steps.isEmpty || attribute != nil else { return nil }
        self.steps = steps
    }

    /// The nodes the element steps reach from `context` (or from `scope` for a `$` path).
    func nodes(context: FactNode, scope: FactNode) -> [FactNode] {
        var current = [fromScope ? scope : context]
        for step in steps {
            switch step {
            case let .child(name): current = current.flatMap { $0.children.filter { $0.name == name } }
            case .parent: current = current.compactMap(\.parent)
            case .current: break
            }
        }
        return current
    }

    /// Whether the path reaches something: a non-empty attribute, or an element with text or children.
    func isPresent(context: FactNode, scope: FactNode) -> Bool {
        guard attribute == nil else { return !values(context: context, scope: scope).isEmpty }
        return nodes(context: context, scope: scope).contains { !$0.text.isEmpty || !$0.children.isEmpty }
    }

    /// The values at the path: the attribute's values, or the reached elements' text; empty ones dropped.
    func values(context: FactNode, scope: FactNode) -> [String] {
        let reached = nodes(context: context, scope: scope)
        let values = attribute.map { name in reached.compactMap { $0.attributes[name] } } ?? reached.map(\.text)
        return values.filter { !$0.isEmpty }
    }

    private static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
