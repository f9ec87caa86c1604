# Tokens (JWT sign/verify/decode, Centrifugo claims) and secret masking: pure Qt Core, no widgets.
target_sources(inspector_core PRIVATE
    framemasker.cpp framemasker.h
    jsontext.cpp jsontext.h
    jwt.cpp jwt.h
    secretmasker.cpp secretmasker.h
    tokenclaims.cpp tokenclaims.h
)
