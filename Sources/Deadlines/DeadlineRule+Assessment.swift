extension DeadlineRule {
    /// Where one pupil stands with this rule on day `on`, given the dates of their evidence
    /// documents (any order; those after `on` are ignored), with `within` days' notice; `nil`
    /// when the rule has nothing to say yet (a window not near, an interval with no first document).
    /// An office rule (no evidence) is assessed with no documents.
    public func assess(documents: [CalendarDay], on: CalendarDay, within: Int, in book: DeadlineBook) -> Assessment? {
        let dates = documents.filter { $0 <= on }.sorted()
        switch timing {
        case let .window(window): return assess(window, dates: dates, on: on, within: within, book: book)
        case .flag: return nil
        case let .interval(opensMonths, dueMonths):
            guard let last = dates.last else { return nil }
            let opens = last.adding(months: opensMonths)
            guard let dueMonths else {
                return Assessment(status: on < opens ? .waiting : .open, date: opens, last: last, found: dates.count, needed: 1)
            }
            let due = last.adding(months: dueMonths)
            let status: DueStatus = on > due ? .overdue : on.days(to: due) <= within ? .due : on >= opens ? .open : .done
            return Assessment(status: status, date: due, last: last, found: dates.count, needed: 1)
        }
    }

    /// Whether the rule applies to a pupil with `facts` and evidence `documents` on day `on`:
    /// `nil` when its scope needs a fact that is not known.
    public func applies(to facts: PupilFacts, documents: [CalendarDay], on: CalendarDay, in book: DeadlineBook) -> Bool? {
        guard let scope else { return true }
        let (start, opens): (CalendarDay, CalendarDay)
        switch timing {
        case let .window(window):
            start = book.yearStart(containing: on, calendarYear: window.calendarYear)
            opens = book.place(window.from, inYearStarting: start)
        case .interval, .flag:
            start = book.yearStart(containing: on, calendarYear: false)
            opens = on
        }
        let entryYear = facts.entryDate.map { book.yearStart(containing: $0, calendarYear: false).year }
        return scope.applies(to: facts, dates: documents.filter { $0 <= on }, yearStart: start, opens: opens, entryYear: entryYear)
    }

    /// A flag rule on day `on`: ``DueStatus/flagged`` on the day of the latest placement when it
    /// says what the rule looks at and was issued by `on`; `nil` otherwise (and for other rules).
    public func assess(flagsOf facts: PupilFacts, on: CalendarDay) -> Assessment? {
        guard case let .flag(flag) = timing, facts.flags.contains(flag), let placed = facts.placedOn, placed <= on else { return nil }
        return Assessment(status: .flagged, date: placed, last: placed, found: 1, needed: 0)
    }

    private func assess(_ window: Window, dates: [CalendarDay], on: CalendarDay, within: Int, book: DeadlineBook) -> Assessment? {
        let start = book.yearStart(containing: on, calendarYear: window.calendarYear)
        let from = book.place(window.from, inYearStarting: start)
        let by = book.place(window.by, inYearStarting: start)
        guard evidence != nil else {
            let near = on >= from.adding(days: -within) && on <= by
            return near ? Assessment(status: .reminder, date: by, last: nil, found: 0, needed: 0) : nil
        }
        let earliest: CalendarDay? = switch window.counts {
        case .window: from
        case .year: start
        case .ever: nil
        }
        let inTime = dates.filter { day in (earliest.map { day >= $0 } ?? true) && day <= by }
        if inTime.count >= window.count {
            return Assessment(status: .done, date: by, last: inTime.last, found: inTime.count, needed: window.count)
        }
        if on > by {
            let late = dates.filter { $0 > by && $0 >= start }
            let status: DueStatus = inTime.count + late.count >= window.count ? .late : .overdue
            return Assessment(status: status, date: by, last: (inTime + late).last, found: inTime.count + late.count, needed: window.count)
        }
        let status: DueStatus? = on.days(to: by) <= within ? .due : on >= from ? .open : nil
        return status.map { Assessment(status: $0, date: by, last: inTime.last, found: inTime.count, needed: window.count) }
    }
}
