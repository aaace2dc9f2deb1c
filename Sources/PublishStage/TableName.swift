/// The thirteen tables of SPEC 9, in the SPEC's order, by their file names.
package enum TableName: String, CaseIterable, Sendable {
  case typology
  case stayDuration = "stay_duration"
  case stayThresholds = "stay_thresholds"
  case yearlyUsers = "yearly_users"
  case repeatUse = "repeat_use"
  case returns
  case welfareUse = "welfare_use"
  case typologyByRegion = "typology_by_region"
  case typologyBySexAge = "typology_by_sex_age"
  case stayThresholdsQuarterly = "stay_thresholds_quarterly"
  case yearlyUsersBySexAge = "yearly_users_by_sex_age"
  case typologyByMunicipality = "typology_by_municipality"
  case transitions
}
