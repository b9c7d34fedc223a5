import Foundation
import Jurisdictions
import Records
import XML

extension InclusioHome {
    /// The jurisdictions declared in the home's `Jurisdictions/`, checked against the home's
    /// `Schemas/jurisdictions/` (both found as `Schemas/` is, without `--schemas`: the manifests
    /// and their schema belong to the installation, like `Archive/policy.sample.xml`).
    static func jurisdictionCatalog() throws(CLIError) -> JurisdictionCatalog {
        let folder: URL
        do { folder = try self.folder("Jurisdictions", explicit: nil) } catch {
            if case let .missingSchemas(searched) = error { throw .failed(JurisdictionError.noManifests(folder: searched.joined(separator: ", "))) }
            throw error
        }
        let schemaFolder = try self.folder("Schemas", explicit: nil).appendingPathComponent("jurisdictions", isDirectory: true)
        let schemas: SchemaCatalog
        do { schemas = try SchemaCatalog(directory: schemaFolder) } catch { throw .failed(error) }
        do { return try JurisdictionCatalog(directory: folder, schemas: schemas) } catch { throw .failed(error) }
    }
}
