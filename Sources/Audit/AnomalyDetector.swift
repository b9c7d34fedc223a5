import Archive
import AuditLog
import Foundation

/// Applies ``AnomalyRules`` to the access log, in the time zone of the report's labels.
public struct AnomalyDetector {
    public let rules: AnomalyRules
    public let zone: TimeZone

    public init(rules: AnomalyRules, zone: TimeZone) {
        self.rules = rules
        self.zone = zone
    }

    /// Every finding, in log order of its first entry.
    public func findings(in trail: AuditTrail) -> [Anomaly] {
        let dated = trail.events.compactMap { event in LocalTime.date(event.time).map { (event, $0) } }
        let found = outsideOfficeHours(dated) + bulkReads(dated) + repeatedDenials(dated) + unusualSchools(dated, trail.pupils)
        return found.sorted { ($0.entries.first ?? 0, $0.kind.rawValue) < ($1.entries.first ?? 0, $1.kind.rawValue) }
    }

    private func anomaly(_ kind: Anomaly.Kind, _ events: [AccessEvent], _ detail: String) -> Anomaly {
        Anomaly(kind: kind, operatorId: events[0].operatorId, entries: events.map(\.sequence),
                localTime: LocalTime.format(events[0].time, in: zone), detail: detail)
    }

    private func outsideOfficeHours(_ dated: [(AccessEvent, Date)]) -> [Anomaly] {
        let calendar = LocalTime.calendar(zone)
        return dated.filter { event, date in
            guard event.pupil != nil, event.outcome == .granted else { return false }
            let hour = calendar.component(.hour, from: date), weekday = calendar.component(.weekday, from: date)
            return hour < rules.openingHour || hour >= rules.closingHour || weekday == 1 || weekday == 7
        }.map { event, _ in
            anomaly(.outsideOfficeHours, [event], "\(event.action) of pupil \(event.pupil ?? "") outside office hours (\(rules.openingHour):00–\(rules.closingHour):00, Monday to Friday)")
        }
    }

    private func bulkReads(_ dated: [(AccessEvent, Date)]) -> [Anomaly] {
        var found: [Anomaly] = []
        let reads = dated.filter { AnomalyRules.reads.contains($0.0.action) && $0.0.outcome == .granted && $0.0.pupil != nil }
        for (op, events) in Dictionary(grouping: reads, by: { $0.0.operatorId }).sorted(by: { $0.key < $1.key }) {
            var start = 0, end = 0
            while end < events.count {
                while events[end].1.timeIntervalSince(events[start].1) > rules.bulkWindow { start += 1 }
                let window = events[start...end]
                let pupils = Set(window.compactMap { $0.0.pupil })
                if pupils.count > rules.bulkReads {
                    found.append(anomaly(.bulkReads, window.map(\.0), "\(op) opened the files of \(pupils.count) pupils within \(Int(rules.bulkWindow / 60)) minutes (more than \(rules.bulkReads))"))
                    start = end + 1  // one finding per burst
                }
                end += 1
                start = min(start, end)
            }
        }
        return found
    }

    private func repeatedDenials(_ dated: [(AccessEvent, Date)]) -> [Anomaly] {
        let calendar = LocalTime.calendar(zone)
        let denied = dated.filter { $0.0.outcome == .denied }
        let byDay = Dictionary(grouping: denied) { "\($0.0.operatorId) \(calendar.startOfDay(for: $0.1).timeIntervalSince1970)" }
        return byDay.values.filter { $0.count >= rules.repeatedDenials }.map { group in
            anomaly(.repeatedDenials, group.map(\.0), "\(group[0].0.operatorId) was refused \(group.count) times in one day (\(Set(group.map(\.0.action)).sorted().joined(separator: ", ")))")
        }
    }

    private func unusualSchools(_ dated: [(AccessEvent, Date)], _ places: [String: PupilPlace]) -> [Anomaly] {
        var seen: [String: (count: Int, schools: Set<String>)] = [:]
        var found: [Anomaly] = []
        for (event, _) in dated where event.outcome == .granted {
            guard let pupil = event.pupil, let school = places[pupil].flatMap({ $0.schoolCode ?? $0.schoolName }) else { continue }
            let history = seen[event.operatorId, default: (0, [])]
            if history.count >= rules.usualSchoolsBaseline && !history.schools.contains(school) {
                found.append(anomaly(.unusualSchool, [event], "\(event.action) of pupil \(pupil) of school \(school), where none of \(event.operatorId)'s \(history.count) earlier accesses were"))
            }
            seen[event.operatorId] = (history.count + 1, history.schools.union([school]))
        }
        return found
    }
}
