/// How a place in an XML document (a record, a case file, a rule file) is named in
/// messages: `placement/pupil/guardian[2]/name`.
///
/// An element gets an index (1-based, as in XPath) only when siblings share its name,
/// so the common case reads plainly. Attributes are `…/@version`. The generator and
/// the validator both use this, so a validator message can be traced back to the
/// case-data field that produced it.
public enum ElementPath {
    /// The path segment of an element that is the `index`-th (1-based) of `count`
    /// siblings with the same name.
    public static func segment(_ name: String, index: Int, of count: Int) -> String {
        count > 1 ? "\(name)[\(index)]" : name
    }

    /// Joins a parent path and a segment.
    public static func join(_ parent: String, _ segment: String) -> String {
        parent.isEmpty ? segment : parent + "/" + segment
    }

    /// The path of an attribute of the element at `element`.
    public static func attribute(_ name: String, of element: String) -> String {
        join(element, "@" + name)
    }
}
