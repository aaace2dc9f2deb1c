/// What a run wrote and injected; also written as `synth_counts.json`.
public struct SynthSummary: Sendable, Equatable {
  /// Data rows (without the header) of one file.
  public struct FileRows: Sendable, Equatable {
    public var file: String
    public var rows: Int
  }

  /// Every data file, in the order written: the yearly stay files, then the
  /// population register and the service registers.
  public var files: [FileRows]
  /// Persons with at least one stay, and their latent types (short, episodic, long).
  public var users: Int
  public var usersByType: [Int]
  /// Persons in the population register, users included.
  public var population: Int
  /// Stays as they happened (before New-Year splits and defects), those still open
  /// at the extract date, and the New-Year joints the pipeline stitches back.
  public var stays: Int
  public var openStays: Int
  public var newYearSplits: Int
  public var serviceEvents: Int
  public var defects: SynthDefects

  /// `synth_counts.json`: keys in a fixed order, no person ids.
  public var json: String {
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
