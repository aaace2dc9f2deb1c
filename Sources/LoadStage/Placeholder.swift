// LoadStage: implemented by its owner; this file goes when the module has real sources.
