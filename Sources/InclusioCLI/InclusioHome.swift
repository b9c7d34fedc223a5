import Foundation
import Printing
import XML

/// Finds the project's data folders (`Schemas/`, later `Forms/` and `Archive/`).
///
/// Order: an explicit option, `$INCLUSIO_HOME`, the current folder, then the folders
/// above the executable (so `.build/debug/inclusio` finds the checkout it was built in).
enum InclusioHome {
    static func folder(_ name: String, explicit: String?) throws(CLIError) -> URL {
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
            let url = candidate.appendingPathComponent(name, isDirectory: true)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue { return url }
        }
        throw .missingSchemas(searched: candidates.map { $0.appendingPathComponent(name).path })
    }

    /// The schema catalog of `--schemas`, or of the home's `Schemas/`.
    static func schemaCatalog(_ arguments: ParsedArguments) throws(CLIError) -> SchemaCatalog {
        let folder = try folder("Schemas", explicit: arguments.value(CommandSpec.schemas))
        do { return try SchemaCatalog(directory: folder) } catch { throw .failed(error) }
    }

    /// The forms of `explicit` (`--forms`), or of the home's `Forms/`.
    static func formCatalog(explicit: String?) throws(CLIError) -> FormCatalog {
        do { return FormCatalog(directory: try folder("Forms", explicit: explicit), jurisdictions: try jurisdictionCatalog()) } catch {
            if case let .missingSchemas(searched) = error { throw .missingForms(searched: searched) }
            throw error
        }
    }
}
