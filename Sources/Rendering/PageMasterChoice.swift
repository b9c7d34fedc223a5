/// Which page master each page of a sequence uses: one `fo:simple-page-master`, or the
/// alternatives of an `fo:page-sequence-master` (`fo:repeatable-page-master-alternatives`
/// of `fo:conditional-page-master-reference`s), the first whose conditions hold.
struct PageMasterChoice: Sendable {
    enum Parity: String, Sendable { case odd, even, any }
    enum Position: String, Sendable { case first, last, rest, any }

    struct Alternative: Sendable {
        var master: PageMaster
        var parity: Parity = .any
        var position: Position = .any

        func applies(number: Int, isFirst: Bool, isLast: Bool) -> Bool {
            let parityHolds = switch parity {
            case .any: true
            case .odd: number % 2 != 0
            case .even: number % 2 == 0
            }
            let positionHolds = switch position {
            case .any: true
            case .first: isFirst
            case .last: isLast
            case .rest: !isFirst
            }
            return parityHolds && positionHolds
        }
    }

    var alternatives: [Alternative]

    init(_ master: PageMaster) { alternatives = [Alternative(master: master)] }

    init(alternatives: [Alternative]) { self.alternatives = alternatives }

    /// The master of the page numbered `number`; the last alternative when none applies.
    func master(number: Int, isFirst: Bool, isLast: Bool) -> PageMaster {
        (alternatives.first { $0.applies(number: number, isFirst: isFirst, isLast: isLast) } ?? alternatives[alternatives.count - 1]).master
    }

    /// Whether a `last` alternative may give the last page another master.
    var hasLastPageMaster: Bool { alternatives.contains { $0.position == .last } }

    /// Every region name the masters declare.
    var regionNames: Set<String> {
        var names: Set<String> = []
        for alternative in alternatives {
            if alternative.master.beforeExtent != nil { names.insert(alternative.master.beforeName) }
            if alternative.master.afterExtent != nil { names.insert(alternative.master.afterName) }
        }
        return names
    }
}
