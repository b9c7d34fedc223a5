import Foundation
import Jurisdictions
import XML

extension InclusioHome {
    /// The jurisdictions declared in the home's `Jurisdictions/`, checked against the home's
    /// `Schemas/jurisdictions/` (both found as `Schemas/` is, without `--schemas`: the manifests
    /// and their schema belong to the installation, like `Archive/policy.sample.xml`).
    static func jurisdictionCatalog() throws(CLIError) -> JurisdictionCatalog {
        let folder = try self.folder(.jurisdictions, explicit: nil)
        let schemaFolder = try self.folder(.schemas, explicit: nil).appendingPathComponent("jurisdictions", isDirectory: true)
        let schemas: SchemaCatalog
        do { schemas = try SchemaCatalog(directory: schemaFolder) } catch { throw .failed(error) }
        do { return try JurisdictionCatalog(directory: folder, schemas: schemas) } catch { throw .failed(error) }
    }
}
