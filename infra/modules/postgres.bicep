metadata description = 'Azure Database for PostgreSQL flexible server: the application database and Hangfire\'s job storage, shared by every web app instance.'

@description('Server name (globally unique, lower case).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Administrator login the app connects with.')
param administratorLogin string

@description('Administrator password (from the deployment parameters; the app reads it only through the Key Vault connection string).')
@secure()
param administratorPassword string

@description('Compute tier: Burstable for a small school group, GeneralPurpose for high availability.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param tier string

@description('Compute size, e.g. Standard_B2s (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@description('Storage size in GiB.')
@minValue(32)
param storageSizeGB int

@description('Zone-redundant high availability (a standby in another zone); needs the GeneralPurpose or MemoryOptimized tier.')
param highAvailability bool

@description('Days of point-in-time backups (7-35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Keep backups in the paired region too.')
param geoRedundantBackup bool

@description('Name of the application database.')
param databaseName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: tier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: highAvailability ? 'ZoneRedundant' : 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The web app has no fixed outbound address without a virtual network; this rule admits connections from Azure
// services only (0.0.0.0), and TLS plus the password from Key Vault protect the rest. A private network is the
// hardening step the README names.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

@description('Host name the app connects to.')
output host string = server.properties.fullyQualifiedDomainName

@description('Server name.')
output serverName string = server.name

@description('Database name.')
output databaseName string = database.name
