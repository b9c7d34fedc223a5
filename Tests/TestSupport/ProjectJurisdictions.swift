import Foundation
import Jurisdictions
import Records
import XML

/// The jurisdictions the project declares (`Jurisdictions/`), read as `inclusio` reads them.
public enum ProjectJurisdictions {
    /// The manifests of `folder` (the project's by default), checked against `schemas`'s `jurisdictions/`.
    public static func catalog(_ folder: URL = Run.project.appendingPathComponent("Jurisdictions"),
                               schemas: URL = Run.project.appendingPathComponent("Schemas")) throws -> JurisdictionCatalog {
        try JurisdictionCatalog(directory: folder, schemas: SchemaCatalog(directory: schemas.appendingPathComponent("jurisdictions")))
    }
}
