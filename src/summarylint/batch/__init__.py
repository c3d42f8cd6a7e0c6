"""Checking a batch of documents: the per-document pass in worker processes, the cross-document
stage over the paragraph signatures they send back, the result cache and the reviewers' triage.

The per-document pass is a pure function (the bytes of a file and the configuration → its results
and its paragraph signatures), so it can run in any worker and its output can be cached; the
cross-document rules receive only the signatures, never the documents.
"""
