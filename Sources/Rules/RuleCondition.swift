/// A test a rule makes on its node (the `when` of a rule file).
indirect enum RuleCondition: Sendable {
    case all([RuleCondition])
    case any([RuleCondition])
    case not(RuleCondition)
    case compare(RuleComparison, RuleExpression, RuleExpression)
    /// A value of the first expression equals a value of one of the others.
    case member(RuleExpression, [RuleExpression])
    /// A value of the first starts with a value of the second (white space ignored).
    case startsWith(RuleExpression, RuleExpression)
    case present(RulePath)
    case absent(RulePath)
    /// The condition defined under this name.
    case reference(String)
}

/// The operators of `<compare op="…">`.
enum RuleComparison: String, Sendable {
    case eq, ne, lt, le, gt, ge
}

/// Something a rule computes: a list of values (none when a field is missing).
indirect enum RuleExpression: Sendable {
    case field(RulePath)
    case literal(String)
    case count(RulePath, RuleCondition?)
    case distinct(RulePath, of: RulePath, RuleCondition?)
    case sum(RulePath, of: RulePath, RuleCondition?)
    case add([RuleExpression])
    case subtract(RuleExpression, RuleExpression)
    case multiply([RuleExpression])
    case divide(RuleExpression, RuleExpression)
    case addMonths(Int, RuleExpression)
    /// The operands' values written one after the other (each must give exactly one value).
    case concat([RuleExpression])
    /// The first four digits of each value: the year of a date or of a school year `2026/2027`.
    case yearOf(RuleExpression)
}
