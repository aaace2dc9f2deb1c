/// What a run wrote and injected; also written as `synth_counts.json`.
package struct SynthSummary: Sendable, Equatable {
  /// Data rows (without the header) of one file.
  package struct FileRows: Sendable, Equatable {
    package var file: String
    package var rows: Int
  }

  /// Every data file, in the order written: the yearly stay files, then the
  /// population register and the service registers.
  package var files: [FileRows]
  /// Persons with at least one stay, and their latent types (short, episodic, long).
  package var users: Int
  package var usersByType: [Int]
  /// Persons in the population register, users included.
  package var population: Int
  /// Stays as they happened (before New-Year splits and defects), those still open
  /// at the extract date, and the New-Year joints the pipeline stitches back.
  package var stays: Int
  package var openStays: Int
  package var newYearSplits: Int
  package var serviceEvents: Int
  package var defects: SynthDefects

  /// `synth_counts.json`: keys in a fixed order, no person ids.
  package var json: String {
    let files = self.files.map { "    {\"file\": \"\($0.file)\", \"rows\": \($0.rows)}" }.joined(separator: ",\n")
    let defects = self.defects.byKind.map { "    \"\($0.kind)\": \($0.count)" }.joined(separator: ",\n")
    return """
      {
        "synthetic": true,
        "users": \(users),
        "users_by_latent_type": {"short": \(usersByType[0]), "episodic": \(usersByType[1]), "long": \(usersByType[2])},
        "population": \(population),
        "stays": \(stays),
        "open_stays": \(openStays),
        "new_year_splits": \(newYearSplits),
        "service_events": \(serviceEvents),
        "files": [
      \(files)
        ],
        "defects": {
      \(defects)
        },
        "malformed_rows": \(self.defects.malformedRows)
      }

      """
  }
}
