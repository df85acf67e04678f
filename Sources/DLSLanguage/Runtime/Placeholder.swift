// DLSLanguage: the language core (issue 2).
