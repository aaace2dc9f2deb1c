/// The program and SPEC versions written to stamps and the manifest. A new program
/// version makes every stage stale, since its code may count differently. Bump it with
/// every change of results: `ProgramVersionTests` fails when the fixtures' tables or
/// report change under the same version.
package enum ProgramVersion {
  package static let current = "0.4.0"
  package static let spec = "2"
}
