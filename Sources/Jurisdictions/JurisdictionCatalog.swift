import Foundation
import XML

/// Every jurisdiction declared in a jurisdictions folder (`Jurisdictions/<code>/jurisdiction.xml`),
/// each manifest read and checked once, when the catalog is made.
///
/// A new jurisdiction is a new folder here (with its forms and rules beside, found from its code);
/// a changed manifest takes effect at the next command.
public struct JurisdictionCatalog: Sendable {
    /// The manifest's name inside a jurisdiction's folder.
    public static let fileName = "jurisdiction.xml"

    /// The folder the manifests were read from.
    public let directory: URL
    /// Each declared jurisdiction, by code.
    public let jurisdictions: [String: Jurisdiction]

    /// Reads `directory/<code>/jurisdiction.xml` for every sub-folder that has one, checked
    /// against `schemas` (the catalog of `Schemas/jurisdictions/`).
    /// - Throws: ``JurisdictionError/noManifests(folder:)`` when there is none; the first broken
    ///   manifest's ``JurisdictionError``; ``JurisdictionError/inconsistent(file:line:reason:)`` for
    ///   a manifest whose code is not its folder's name.
    public init(directory: URL, schemas: SchemaCatalog) throws(JurisdictionError) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        var jurisdictions: [String: Jurisdiction] = [:]
        for folder in entries {
            let url = directory.appendingPathComponent(folder, isDirectory: true).appendingPathComponent(Self.fileName)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let file = "\(directory.lastPathComponent)/\(folder)/\(Self.fileName)"
            let jurisdiction = try Jurisdiction(contentsOf: url, file: file, schemas: schemas)
            guard jurisdiction.code == folder else {
                throw .inconsistent(file: file, line: 1, reason: "it declares \(jurisdiction.code) but lies in the folder of \(folder)")
            }
            jurisdictions[folder] = jurisdiction
        }
        guard !jurisdictions.isEmpty else { throw .noManifests(folder: directory.path) }
        self.directory = directory
        self.jurisdictions = jurisdictions
    }

    /// The declared codes, sorted.
    public var codes: [String] { jurisdictions.keys.sorted() }

    /// The jurisdiction `code`.
    /// - Throws: ``JurisdictionError/undeclared(code:expected:)`` when no manifest declares it.
    public func jurisdiction(_ code: String) throws(JurisdictionError) -> Jurisdiction {
        guard let jurisdiction = jurisdictions[code] else {
            throw .undeclared(code: code, expected: "\(directory.lastPathComponent)/\(code)/\(Self.fileName)")
        }
        return jurisdiction
    }
}
