extension DueReport {
    /// Column names of ``findingRows``, as the terminal table and CSV show them.
    public static let findingColumns = ["jurisdiction", "school", "pupil", "rule", "status", "date", "last", "found", "needed", "source", "title"]
    /// Column names of ``schoolRows``.
    public static let schoolColumns = ["jurisdiction", "school", "pupils"] + DueStatus.allCases.map(\.rawValue)

    /// One row per finding (an office reminder has no school and no pupil).
    public var findingRows: [[String]] {
        findings.map {
            [$0.jurisdiction, $0.school ?? "", $0.pupil ?? "", $0.rule, $0.status.rawValue, $0.date.description, $0.last?.description ?? "",
             "\($0.found)", "\($0.needed)", $0.sources, $0.title]
        }
    }

    /// One row per school (and per office): how many findings of each status.
    public var schoolRows: [[String]] {
        schools.map { summary in
            [summary.jurisdiction, summary.office ? "(office)" : summary.school ?? "-", "\(summary.pupils)"]
                + DueStatus.allCases.map { "\(summary.count($0))" }
        }
    }
}
