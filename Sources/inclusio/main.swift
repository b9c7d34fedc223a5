import Foundation
import InclusioCLI

exit(Inclusio.main(Array(CommandLine.arguments.dropFirst())).rawValue)
