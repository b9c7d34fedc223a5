import Archive
import Foundation
import Jurisdictions
import Printing
import XML

/// Finds the project's data folders (`Schemas/`, `Forms/`, `Rules/`, `Archive/`).
///
/// Order: an explicit option, `$INCLUSIO_HOME`, the current folder, then the folders
/// above the executable (so `.build/debug/inclusio` finds the checkout it was built in).
enum InclusioHome {
    /// A folder of the Inclusio home, and how its absence is reported.
    enum Folder: String {
        case schemas = "Schemas", forms = "Forms", rules = "Rules", archive = "Archive", jurisdictions = "Jurisdictions"

        /// The error naming this folder, with the places searched.
        func missing(searched: [String]) -> CLIError {
            switch self {
            case .schemas: .missingSchemas(searched: searched)
            case .forms: .missingForms(searched: searched)
            case .rules: .missingRules(searched: searched)
            case .archive: .failed(ArchiveError.cannotRead(file: "\(rawValue)/policy.sample.xml (looked in: \(searched.joined(separator: ", ")))"))
            case .jurisdictions: .failed(JurisdictionError.noManifests(folder: searched.joined(separator: ", ")))
            }
        }
    }

    /// `explicit` (the folder option given), or the first `name` folder of the home.
    /// - Throws: the ``Folder/missing(searched:)`` error of `name`.
    static func folder(_ name: Folder, explicit: String?) throws(CLIError) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit, isDirectory: true) }
        var candidates: [URL] = []
        if let home = ProcessInfo.processInfo.environment["INCLUSIO_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home, isDirectory: true))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for candidate in candidates {
            let url = candidate.appendingPathComponent(name.rawValue, isDirectory: true)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue { return url }
        }
        throw name.missing(searched: candidates.map { $0.appendingPathComponent(name.rawValue).path })
    }

    /// The schema catalog of `--schemas`, or of the home's `Schemas/`.
    static func schemaCatalog(_ arguments: ParsedArguments) throws(CLIError) -> SchemaCatalog {
        let folder = try folder(.schemas, explicit: arguments.value(HomeOptions.schemas))
        do { return try SchemaCatalog(directory: folder) } catch { throw .failed(error) }
    }

    /// The schemas of `Schemas/<part>/` (`rules`, `transfer`).
    static func schemaCatalog(_ part: String, _ arguments: ParsedArguments) throws(CLIError) -> SchemaCatalog {
        let folder = try folder(.schemas, explicit: arguments.value(HomeOptions.schemas)).appendingPathComponent(part, isDirectory: true)
        do { return try SchemaCatalog(directory: folder) } catch { throw .failed(error) }
    }

    /// The forms of `--forms`, or of the home's `Forms/`.
    static func formCatalog(_ arguments: ParsedArguments) throws(CLIError) -> FormCatalog {
        FormCatalog(directory: try folder(.forms, explicit: arguments.value(HomeOptions.forms)), jurisdictions: try jurisdictionCatalog())
    }
}

/// The folder options commands share: where schemas, forms and rules are.
enum HomeOptions {
    static let schemas = Option(["--schemas"], value: "dir", help: "Folder of XSD schemas (default: Schemas/ of the Inclusio home).")
    static let forms = Option(["--forms"], value: "dir", help: "Folder of forms and report labels (default: Forms/ of the Inclusio home).")
    static let rules = Option(["--rules"], value: "dir",
                              help: "Folder of rules: <jurisdiction>/rules.xml, deadlines.xml, transfer.xml (default: Rules/ of the Inclusio home).")
}
