// Built offline against Debian's golang-github-aws-aws-sdk-go-v2-dev (in /usr/share/gocode): no
// module proxy is needed, the replace directives point at the packaged sources.
module trent.example/clients/go

go 1.19

require (
	github.com/aws/aws-sdk-go-v2 v1.17.1
	github.com/aws/smithy-go v1.13.4
)

require github.com/jmespath/go-jmespath v0.4.0 // indirect

replace (
	github.com/aws/aws-sdk-go-v2 => /usr/share/gocode/src/github.com/aws/aws-sdk-go-v2
	github.com/aws/smithy-go => /usr/share/gocode/src/github.com/aws/smithy-go
	github.com/jmespath/go-jmespath => /usr/share/gocode/src/github.com/jmespath/go-jmespath
)
