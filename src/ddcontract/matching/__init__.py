"""The matching layer: the clause library's patterns compiled (:mod:`.compiler`), kept on disk
(:mod:`.diskcache`) and indexed (:mod:`.index`), run by the pattern engine (:mod:`.engine`) over
tokens and lemmas (:mod:`.nlp`); :mod:`.match` is the pipeline's match stage built on them."""
