// swift-tools-version:6.0
import PackageDescription

/// Inclusio: records of pupils with disabilities, from case data to validated XML, signed dossiers and a confidential archive.
/// System libraries only (Debian packages); no SwiftPM package dependencies.
let package = Package(
    name: "Inclusio",
    products: [
        .executable(name: "inclusio", targets: ["inclusio"]),
    ],
    targets: [
        // Thin wrappers around Debian's C libraries.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibXSLT", pkgConfig: "libxslt", providers: [.apt(["libxslt1-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),

        // Small helpers shared by the stages (spelling suggestions, concurrent results and work queues).
        .target(name: "Support"),
        // C that Swift cannot write: libxslt's variadic error callbacks.
        .target(name: "CShims", dependencies: ["CLibXSLT"]),

        // One module per stage of the flow.
        .target(name: "Cryptography", dependencies: ["COpenSSL", "Support"]),
        .target(name: "Records", dependencies: ["CLibXML2", "CLibXSLT", "CShims"]),
        .target(name: "Generation", dependencies: ["Records", "Cryptography", "Support"]),
        .target(name: "Rendering", dependencies: ["CPangoCairo", "Records", "Support"]),
        // The jurisdictions declared in Jurisdictions/<code>/jurisdiction.xml: language, time zone, fonts, …
        .target(name: "Jurisdictions", dependencies: ["Records", "Support"]),
        .target(name: "Printing", dependencies: ["Jurisdictions", "Records", "Rendering", "Cryptography", "Support"]),
        .target(name: "Dossier", dependencies: ["CLibZip", "Cryptography", "Records", "Support"]),
        .target(name: "AuditLog", dependencies: ["Cryptography", "Support"]),
        .target(name: "Archive", dependencies: ["CSQLite", "AuditLog", "Cryptography", "Records", "Dossier", "Support"]),
        .target(name: "Audit", dependencies: ["Archive", "AuditLog", "Jurisdictions", "Records", "Rendering"]),
        .target(name: "Rules", dependencies: ["Jurisdictions", "Records", "Support"]),
        .target(name: "Transfer", dependencies: ["Archive", "Dossier", "Printing", "Records", "Rendering", "Cryptography", "Support"]),
        .target(name: "InclusioCLI", dependencies: ["Records", "Generation", "Printing", "Rendering", "Cryptography", "Dossier", "Archive", "AuditLog", "Audit", "Rules", "Deadlines", "Jurisdictions", "Transfer", "Intake", "Support"]),
        .target(name: "Deadlines", dependencies: ["Jurisdictions", "Records"]),
        // What a file is, from its bytes (case file, record, dossier, attachment), for every command
        // that reads records or case data; above Generation and Archive, whose typed inputs it makes.
        .target(name: "Intake", dependencies: ["Records", "Generation", "Dossier", "Archive", "Support"]),
        .executableTarget(name: "inclusio", dependencies: ["InclusioCLI"]),
        .executableTarget(name: "inclusio-audit-log-benchmark", dependencies: ["AuditLog", "Cryptography"], path: "Benchmarks/AuditLogBenchmark"),
        .executableTarget(name: "inclusio-render-benchmark", dependencies: ["Rendering"], path: "Benchmarks/RenderBenchmark"),

        .testTarget(name: "RecordsTests", dependencies: ["Records"]),
        .testTarget(name: "GenerationTests", dependencies: ["Generation", "Records", "Support"]),
        .target(name: "TestSupport", dependencies: ["Cryptography", "Jurisdictions", "Records"], path: "Tests/TestSupport"),
        .testTarget(name: "CryptographyTests", dependencies: ["Cryptography", "TestSupport"]),
        .testTarget(name: "DossierTests", dependencies: ["Dossier", "CLibZip", "Cryptography", "Records", "TestSupport"]),
        .testTarget(name: "AuditLogTests", dependencies: ["AuditLog", "Cryptography", "TestSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Archive", "AuditLog", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "Cryptography", "Dossier", "Records", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Records", "TestSupport"]),
        .testTarget(name: "TransferTests", dependencies: ["Transfer", "Records", "TestSupport"]),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines", "Records", "TestSupport"]),
        .testTarget(name: "JurisdictionsTests", dependencies: ["inclusio", "Audit", "Jurisdictions", "Records", "TestSupport"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Dossier", "Generation", "Records", "TestSupport"]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "Records", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["inclusio", "Cryptography", "TestSupport"]),
    ]
)
