metadata description = 'App Service plan (Linux) and the web app running CommunityBot on .NET 10: at least two instances, always on, HTTPS only, TLS 1.2+, no FTP or basic publishing credentials, health check on the readiness endpoint, secrets as Key Vault references read with the user-assigned identity, logs to Log Analytics.'

@description('Web app name (globally unique: it becomes <name>.azurewebsites.net).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('App Service plan size, e.g. P0v3 or P1v3.')
param skuName string

@description('Instances of the web app (at least two: the outbox, jobs and activity claims are made for several).')
@minValue(2)
@maxValue(30)
param instanceCount int

@description('Resource id of the user-assigned identity the app runs as and reads Key Vault with.')
param identityResourceId string

@description('App settings, name to value (Key Vault references for secrets).')
param appSettings object

@description('Log Analytics workspace that receives the console and HTTP logs.')
param workspaceId string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/health/ready'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
  }
}

// Deployments authenticate with Entra ID (az webapp deploy); user name and password publishing stays off.
resource noFtpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource noScmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

@description('Web app name, for az webapp deploy.')
output name string = site.name

@description('Host name of the bot endpoint (https://<host>/api/messages).')
output host string = site.properties.defaultHostName
