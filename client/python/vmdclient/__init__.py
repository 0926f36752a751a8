"""Python client for the vmd daemon's public gRPC API (vmd.v1).

The generated stubs (vmd.v1.vmd_pb2, vmd_pb2_grpc) come from the build tree
(${build}/python); point VMD_PYTHON_STUBS at that folder or put it on sys.path.
"""

from vmdclient.client import VmdClient, default_socket_path, load_stubs

__all__ = ["VmdClient", "default_socket_path", "load_stubs"]
