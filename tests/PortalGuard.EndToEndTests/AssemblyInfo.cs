// One browser at a time: the machine is small and each test owns a whole Chromium.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
