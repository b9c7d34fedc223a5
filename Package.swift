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
        // Raw deflate for dossier entries, which Dossier compresses and encrypts itself (libzip only copies them).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        // Only for verifying client certificates on libmicrohttpd's GnuTLS sessions.
        .systemLibrary(name: "CGnuTLS", pkgConfig: "gnutls", providers: [.apt(["libgnutls28-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Small helpers shared by the stages (spelling suggestions, concurrent results and work queues).
        .target(name: "Support"),
        // C that Swift cannot write: libxslt's variadic error callbacks.
        .target(name: "CShims", dependencies: ["CLibXSLT"]),

        // One module per stage of the flow.
        .target(name: "Cryptography", dependencies: ["COpenSSL", "Support"]),
        // The XML toolkit, the only module importing libxml2 and libxslt: hardened parsing
        // (XMLTree, XMLInputLimits), XSLT forms (XSLTStylesheet), the schema catalog and
        // compiled schemas, and XMLError/StylesheetError in clerks' words.
        .target(name: "XML", dependencies: ["CLibXML2", "CLibXSLT", "CShims", "Support"]),
        // What records are: validation against their kind's schema (RecordValidator,
        // RecordError) and the record file-name rule (RecordFileName).
        .target(name: "Records", dependencies: ["XML", "Cryptography", "Support"]),
        .target(name: "Generation", dependencies: ["Records", "XML", "Support"]),
        .target(name: "Rendering", dependencies: ["CPangoCairo", "XML", "Support"]),
        // The jurisdictions declared in Jurisdictions/<code>/jurisdiction.xml: language, time zone, fonts, …
        .target(name: "Jurisdictions", dependencies: ["Records", "XML", "Support"]),
        .target(name: "Printing", dependencies: ["Jurisdictions", "Records", "XML", "Rendering", "Support"]),
        .target(name: "Dossier", dependencies: ["CLibZip", "CZlib", "Cryptography", "Records", "XML", "Support"]),
        .target(name: "AuditLog", dependencies: ["Cryptography", "Support"]),
        // A witness of access logs (C2SP tlog-witness), run by an auditor on another machine, and the
        // client that submits an archive's checkpoints to its witnesses and keeps their cosignatures.
        .target(name: "Witness", dependencies: ["AuditLog", "Cryptography", "Support"]),
        .target(name: "WitnessClient", dependencies: ["AuditLog", "HTTPClient"]),
        .target(name: "Archive", dependencies: ["CSQLite", "AuditLog", "WitnessClient", "Cryptography", "Records", "XML", "Dossier", "Support"]),
        .target(name: "Audit", dependencies: ["Archive", "AuditLog", "Jurisdictions", "XML", "Rendering", "Support"]),
        .target(name: "Rules", dependencies: ["Jurisdictions", "Records", "XML", "Support"]),
        .target(name: "Transfer", dependencies: ["Archive", "Dossier", "Printing", "Records", "XML", "Rendering", "Cryptography", "Support"]),
        .target(name: "InclusioCLI", dependencies: ["Records", "XML", "Generation", "Printing", "Rendering", "Cryptography", "Dossier", "Archive", "AuditLog", "Audit", "Rules", "Deadlines", "Jurisdictions", "Transfer", "Intake", "HTTPService", "HTTPClient", "Witness", "WitnessClient", "Support"]),
        .target(name: "Deadlines", dependencies: ["Jurisdictions", "Records", "XML", "Support"]),
        // What a file is, from its bytes (case file, record, dossier, attachment), for every command
        // that reads records or case data; above Generation and Archive, whose typed inputs it makes.
        .target(name: "Intake", dependencies: ["Records", "XML", "Generation", "Dossier", "Archive", "Support"]),
        // The transport under `inclusio serve`: an HTTPS server (libmicrohttpd, client certificates
        // verified with GnuTLS) and an HTTPS client (libcurl), the only modules importing them.
        .target(name: "HTTPService", dependencies: ["CMicroHTTPD", "CGnuTLS", "Support"]),
        .target(name: "HTTPClient", dependencies: ["CCurl", "Support"]),
        .executableTarget(name: "inclusio", dependencies: ["InclusioCLI"]),
        .executableTarget(name: "inclusio-audit-log-benchmark", dependencies: ["AuditLog", "Cryptography", "Witness", "WitnessClient", "HTTPService"],
                          path: "Benchmarks/AuditLogBenchmark"),
        .executableTarget(name: "inclusio-render-benchmark", dependencies: ["Rendering"], path: "Benchmarks/RenderBenchmark"),

        .testTarget(name: "XMLTests", dependencies: ["XML", "Support"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records", "XML", "Support"]),
        .testTarget(name: "GenerationTests", dependencies: ["Generation", "Records", "XML", "Support"]),
        .target(name: "TestSupport", dependencies: ["Cryptography", "Jurisdictions", "Records", "XML"], path: "Tests/TestSupport"),
        .testTarget(name: "CryptographyTests", dependencies: ["Cryptography", "TestSupport"]),
        .testTarget(name: "DossierTests", dependencies: ["Dossier", "CLibZip", "Cryptography", "Records", "XML", "TestSupport"]),
        .testTarget(name: "AuditLogTests", dependencies: ["AuditLog", "Cryptography", "TestSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Archive", "AuditLog", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "AuditLog", "Cryptography", "Dossier", "Records", "XML", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Records", "XML", "TestSupport"]),
        .testTarget(name: "TransferTests", dependencies: ["Transfer", "Printing", "Records", "XML", "TestSupport"]),
        .testTarget(name: "DeadlinesTests", dependencies: ["Deadlines", "Records", "XML", "TestSupport"]),
        .testTarget(name: "JurisdictionsTests", dependencies: ["inclusio", "Audit", "Jurisdictions", "Records", "XML", "TestSupport"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Dossier", "Generation", "Records", "XML", "TestSupport"]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "Rendering", "Records", "XML", "TestSupport"]),
        .testTarget(name: "HTTPServiceTests", dependencies: ["HTTPService", "HTTPClient", "Cryptography", "TestSupport"]),
        .testTarget(name: "WitnessTests", dependencies: ["Witness", "WitnessClient", "AuditLog", "HTTPService", "Cryptography", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["inclusio", "Cryptography", "TestSupport"]),
    ]
)
