"""Small S3 client for the deployment tests (boto3; credentials from the environment only).

    python3 s3_tool.py ENDPOINT mb BUCKET
    python3 s3_tool.py ENDPOINT put BUCKET KEY_PREFIX LOCAL_FILE_OR_DIR
    python3 s3_tool.py ENDPOINT ls BUCKET PREFIX          # prints "key<TAB>size" per object
    python3 s3_tool.py ENDPOINT get BUCKET PREFIX LOCAL_DIR
"""
import os
import sys

import boto3


def client(endpoint):
    # No keys here: boto3 takes them from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY like s3a does.
    return boto3.client("s3", endpoint_url=endpoint, region_name=os.environ.get("AWS_REGION", "us-east-1"))


def put(s3, bucket, prefix, local):
    if os.path.isfile(local):
        s3.upload_file(local, bucket, prefix)
        return
    for folder, _, files in os.walk(local):
        for name in sorted(files):
            path = os.path.join(folder, name)
            key = prefix.rstrip("/") + "/" + os.path.relpath(path, local).replace(os.sep, "/")
            s3.upload_file(path, bucket, key)


def keys(s3, bucket, prefix):
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            yield obj["Key"], obj["Size"]


def get(s3, bucket, prefix, local):
    for key, _ in keys(s3, bucket, prefix):
        if key.endswith("/"):
            continue
        target = os.path.join(local, os.path.relpath(key, prefix))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        s3.download_file(bucket, key, target)


def main(argv):
    endpoint, command, args = argv[1], argv[2], argv[3:]
    s3 = client(endpoint)
    if command == "mb":
        s3.create_bucket(Bucket=args[0])
    elif command == "put":
        put(s3, *args)
    elif command == "ls":
        for key, size in keys(s3, *args):
            print(f"{key}\t{size}")
    elif command == "get":
        get(s3, *args)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
