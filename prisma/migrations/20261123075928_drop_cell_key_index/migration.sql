-- Every query of Cell names the revision (its primary key, revisionId + key); nothing read the index on key alone
-- (the region comparison reads RevisionValues), and maintaining it doubled the cost of inserting cells on the
-- embedded database (docs/performance.md). A save writes ~200 cells, the national benchmark data 20 million.

-- DropIndex
DROP INDEX "Cell_key_idx";
