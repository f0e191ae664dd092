// The jsii runtime behind the CDK serves one request at a time over a pipe to its node process;
// tests running in parallel would interleave requests and corrupt the stream.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
